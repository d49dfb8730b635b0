using Swssbox.Tests.Integration.Fixtures;
using Swssbox.Tests.Interop.Fixtures;

namespace Swssbox.Tests.Interop.Templates;

/// <summary>
/// Each template of Templates/inputs rendered by our static sonic-cfggen and by Python Jinja2 (trim_blocks=True,
/// SONiC's filters over netaddr): stdout byte for byte and the exit code must agree.
/// </summary>
public sealed class TemplateDifferentialTests(Oracle oracle) : IClassFixture<Oracle>
{
    /// <summary>The cases, by name.</summary>
    public static TheoryData<string> Templates() => new(CfggenCase.Templates().Select(c => c.Name));

    /// <summary>The -v cases, by name.</summary>
    public static TheoryData<string> Vars() => new(CfggenCase.Vars().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_output_is_identical_to_python_jinja2(string name) =>
        Compare(CfggenCase.Templates().Single(c => c.Name == name));

    [Theory]
    [MemberData(nameof(Vars))]
    public void Var_output_is_identical_to_python_repr(string name) =>
        Compare(CfggenCase.Vars().Single(c => c.Name == name));

    [Fact]
    public void There_are_at_least_sixty_template_cases() =>
        Assert.True(CfggenCase.Templates().Count >= 60, $"only {CfggenCase.Templates().Count} template cases");

    private void Compare(CfggenCase c)
    {
        var expected = oracle[c.Name];
        var ours = Run.Swssbox(["sonic-cfggen", .. c.Args]);
        Assert.True(expected.ExitCode == ours.ExitCode,
            $"{c.Name}: exit {ours.ExitCode} (python {expected.ExitCode}); ours: {ours.Stderr.Trim()} | python: {expected.Error}");
        Assert.Equal(expected.Stdout, ours.Stdout);
        if (ours.ExitCode == 0)
            Assert.DoesNotContain("sonic-cfggen:", ours.Stderr);
    }
}
