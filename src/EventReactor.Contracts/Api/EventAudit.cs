namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>GET /api/audit?event=ID</c>: every rule evaluated for the event.</summary>
/// <param name="Event">The event's id, as asked.</param>
/// <param name="Evaluations">One record per rule whose tag matched; empty when none did or the reactor has not seen the event.</param>
public sealed record EventAudit(string Event, IReadOnlyList<AuditRecord> Evaluations);
