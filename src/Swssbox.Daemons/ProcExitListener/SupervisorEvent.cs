using System.Globalization;

namespace Swssbox.Daemons.ProcExitListener;

/// <summary>
/// One supervisor event-listener notification: the header line ("ver:3.0 server:supervisor serial:21 …
/// eventname:PROCESS_STATE_EXITED len:84") and its payload's "key:value" tokens (childutils.get_headers/eventdata).
/// </summary>
public sealed record SupervisorEvent(IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Payload)
{
    /// <summary>eventname.</summary>
    public string Name => Headers.GetValueOrDefault("eventname", "");

    /// <summary>A payload token, or "".</summary>
    public string this[string key] => Payload.GetValueOrDefault(key, "");

    /// <summary>Splits "k:v k:v" tokens (space separated; first ':' splits).</summary>
    public static Dictionary<string, string> Tokens(string line)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = token.IndexOf(':');
            if (colon > 0)
                map[token[..colon]] = token[(colon + 1)..];
        }
        return map;
    }

    /// <summary>The payload length from the header, or -1 when absent or malformed.</summary>
    public static int Length(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("len", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : -1;

    /// <summary>The payload's first line holds the tokens; process communication events carry data after it.</summary>
    public static Dictionary<string, string> PayloadTokens(string payload)
    {
        int newline = payload.IndexOf('\n');
        return Tokens(newline >= 0 ? payload[..newline] : payload);
    }
}
