using EventReactor.Core.Threading;

namespace EventReactor.Reactor.Audit;

/// <summary>Cuts the audit writer's wait for a fuller batch short: someone waits for what is queued.</summary>
internal sealed class AuditFlushSignal : WakeSignal;
