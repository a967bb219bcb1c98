namespace EventReactor.Reactor.Actions;

/// <summary>What an action did, in a line for logs and the audit.</summary>
public sealed record ActionResult(string Summary);
