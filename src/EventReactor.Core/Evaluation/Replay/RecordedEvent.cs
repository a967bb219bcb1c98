using EventReactor.Contracts;
using EventReactor.Contracts.Api;

namespace EventReactor.Core.Evaluation.Replay;

/// <summary>A journaled event with the audit of what the live rules did with it: one input of a replay.</summary>
public sealed record RecordedEvent(EventEnvelope Event, IReadOnlyList<AuditRecord> Audit);
