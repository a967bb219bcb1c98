using System.Text.Json;

namespace EventReactor.Reactor.Jobs;

/// <summary>
/// A function to send to resolved minions, with the target it was resolved from (kept in the job record). A caller that
/// must be ready for the return before the command leaves (a fast minion answers at once) chooses the <see cref="Jid"/> itself.
/// </summary>
public sealed record JobRequest(string Function, JsonElement Arguments, string Target, string TargetType, IReadOnlyList<string> Minions, string? Jid = null);
