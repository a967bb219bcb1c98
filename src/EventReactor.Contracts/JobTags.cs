namespace EventReactor.Contracts;

/// <summary>The tags of the job lifecycle, as in Salt.</summary>
public static class JobTags
{
    public static string New(string jid) => $"job/{jid}/new";

    public static string Return(string jid, string minion) => $"job/{jid}/ret/{minion}";

    /// <summary>Reads <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c>.</summary>
    public static bool TryParseReturn(string tag, out string jid, out string minion)
    {
        (jid, minion) = tag.Split('/') is ["job", { Length: > 0 } j, "ret", { Length: > 0 } m] ? (j, m) : (string.Empty, string.Empty);
        return jid.Length > 0;
    }
}
