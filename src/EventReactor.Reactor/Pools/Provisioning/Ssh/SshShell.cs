namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

/// <summary>Quoting for the POSIX shell on the hosts and for the minion's environment file (read by sh and by systemd).</summary>
internal static class SshShell
{
    /// <summary>One shell word: single quotes, with each embedded quote closed, escaped and reopened.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A <c>KEY="value"</c> line that sh's <c>.</c> and systemd's <c>EnvironmentFile=</c> read the same way.</summary>
    public static string EnvironmentLine(string key, string value)
    {
        var escaped = value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .ReplaceLineEndings(" ");
        return $"{key}=\"{escaped}\"\n";
    }
}
