using EventReactor.Contracts;
using EventReactor.Reactor.Jobs;

namespace EventReactor.Reactor.Tests.Benchmarks;

/// <summary>A dispatcher that records each job and hands it to the test's answer (IJobDispatcher is internal, so no proxy).</summary>
internal sealed class ScriptedJobDispatcher(Func<JobRequest, string> answer) : IJobDispatcher
{
    public Task<string> DispatchAsync(JobRequest request, EventEnvelope cause, CancellationToken cancellationToken) => Task.FromResult(answer(request));
}
