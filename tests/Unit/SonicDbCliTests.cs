namespace Swssbox.Tests.Unit;

public sealed class SonicDbCliTests
{
    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("tab\there", "'tab\\there'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    public void Python_repr_of_strings(string input, string repr) => Assert.Equal(repr, SonicDbCli.PythonRepr(input));
}
