using EventReactor.Contracts;
using EventReactor.Reactor.Leases;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// The one way the reactor emits an event of its own (presence, pools, jobs, benchmarks, rules): stored in the outbox,
/// then chained in-process and published to <c>eventreactor.all</c>.
/// </summary>
public interface IEventEmitter
{
    /// <summary>Returns once the event is stored; it is evaluated and published after.</summary>
    Task EmitAsync(EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>
    /// Emits as work done under a lease: stored only while <paramref name="fence"/> is the lease's current epoch, else
    /// <see cref="LeaseLostException"/> and nothing is stored.
    /// </summary>
    Task EmitAsync(EventEnvelope envelope, LeaseToken fence, CancellationToken cancellationToken);
}
