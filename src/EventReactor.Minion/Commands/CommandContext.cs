namespace EventReactor.Minion.Commands;

/// <summary>Who asked for a function to run: the job and the minion it runs on.</summary>
internal sealed record CommandContext(string Jid, string Minion);
