using System.Diagnostics;

namespace Swssbox.Tests.Integration.Fixtures;

/// <summary>Polls a condition with a deadline; the hang guard for daemon tests.</summary>
public static class Wait
{
    /// <summary>Polls every 20 ms until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/> (default 10 s).</summary>
    public static void Until(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? diagnostics = null)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)))
        {
            if (condition())
                return;
            Thread.Sleep(20);
        }
        Assert.Fail($"timed out waiting for {what}" + (diagnostics is null ? "" : "\n" + diagnostics()));
    }
}
