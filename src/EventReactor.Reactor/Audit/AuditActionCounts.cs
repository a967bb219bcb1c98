using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Audit;

/// <summary>The action counts stored beside each audit record (migration 21), so rule health sums columns instead of reading JSON.</summary>
internal static class AuditActionCounts
{
    /// <summary>Actions that ran: done or failed, not those skipped as already done on a redelivery.</summary>
    public static int Run(AuditRecord record) => record.Actions.Count(a => a.Status is ActionStatus.Done or ActionStatus.Failed);

    public static int Failed(AuditRecord record) => record.Actions.Count(a => a.Status == ActionStatus.Failed);
}
