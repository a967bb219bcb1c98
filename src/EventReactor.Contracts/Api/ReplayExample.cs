using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>One event on which a difference showed, with what the live rules and the candidate did.</summary>
/// <param name="EventId">The journaled event's id (<c>eventreactor rules explain ID</c> opens what the live rules did with it).</param>
/// <param name="EventTag">The event's tag.</param>
/// <param name="ChainedFrom">For a reaction on an event only the candidate would fire: the tags along its chain from the journaled event <paramref name="EventId"/>; otherwise null.</param>
/// <param name="Before">The arguments the live rules rendered; null when they did not act.</param>
/// <param name="After">The arguments the candidate renders; null when it does not act.</param>
/// <param name="Detail">Why the side that does not act does not (condition false, throttled, the error), when one does not.</param>
public sealed record ReplayExample(string EventId, string EventTag, string? ChainedFrom, JsonElement? Before, JsonElement? After, string? Detail);
