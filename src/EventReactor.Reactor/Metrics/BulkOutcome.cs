namespace EventReactor.Reactor.Metrics;

/// <summary>
/// What a bulk request did with each document, by index in the request: <see cref="Done"/> (created, or a 409 because a
/// resend's id already exists), <see cref="Retry"/> (429 or 5xx: try again later) and <see cref="Rejected"/>
/// (any other 4xx, e.g. a mapping conflict: sending it again cannot help).
/// </summary>
internal sealed record BulkOutcome(IReadOnlyList<int> Done, IReadOnlyList<int> Retry, IReadOnlyList<(int Index, int Status, string Reason)> Rejected);
