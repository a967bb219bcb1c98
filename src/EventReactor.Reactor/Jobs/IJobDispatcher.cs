using EventReactor.Contracts;

namespace EventReactor.Reactor.Jobs;

/// <summary>Sends jobs to minions; an interface so that what drives jobs (benchmark runs) is tested without a bus.</summary>
internal interface IJobDispatcher
{
    /// <summary>Records the job, publishes <c>job/&lt;jid&gt;/new</c> caused by <paramref name="cause"/>, sends each minion its command; returns the jid.</summary>
    Task<string> DispatchAsync(JobRequest request, EventEnvelope cause, CancellationToken cancellationToken);
}
