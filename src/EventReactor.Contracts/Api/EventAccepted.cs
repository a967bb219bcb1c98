namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>POST /api/events</c> (202): the event as published.</summary>
/// <param name="Id">The event's id, for <c>rules explain</c> and <c>/api/audit</c>.</param>
/// <param name="Tag">The event's tag.</param>
public sealed record EventAccepted(string Id, string Tag);
