namespace EventReactor.Contracts;

/// <summary>The tags of the job lifecycle, as in Salt.</summary>
public static class JobTags
{
    public static string New(string jid) => $"job/{jid}/new";

    public static string Return(string jid, string minion) => $"job/{jid}/ret/{minion}";
}
