using EventReactor.Contracts;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>A run handed to the runner: its record, the suite as parsed when it was requested, the hosts' grains, and its <c>new</c> event (the cause of its jobs).</summary>
internal sealed record PendingRun(BenchmarkRun Run, BenchmarkSuite Suite, IReadOnlyDictionary<string, GrainsSnapshot> Grains, EventEnvelope Cause);
