using EventReactor.Contracts;

/// <summary>
/// What an action did, in a line for logs and the audit, and the event it fired if any: that event is stored in the
/// reactor's outbox in the same transaction that records the action done.
/// </summary>
public sealed record ActionResult(string Summary, EventEnvelope? Fired = null);
