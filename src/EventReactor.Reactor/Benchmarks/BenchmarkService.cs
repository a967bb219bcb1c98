using EventReactor.Reactor.Outbox;
using EventReactor.Contracts.Api;
using System.Globalization;
using System.Security.Cryptography;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Benchmarks;
using EventReactor.Core.Benchmarks;
using EventReactor.Core.Targeting;
using EventReactor.Messaging;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Targeting;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Starts runs for the HTTP API and the <c>benchmark.run</c> action: reads the suite afresh (edits apply without a
/// restart), resolves the minions, records the run with each host's grains, fires <c>bench/&lt;run&gt;/new</c> and hands
/// the run to the runner.
/// </summary>
internal sealed class BenchmarkService(
    IBenchmarkStore store,
    BenchmarkRunner runner,
    TargetResolver targets,
    IMinionStore minions,
    IEventEmitter emitter,
    TimeProvider time,
    IOptions<BenchmarkOptions> options)
{
    public async Task<BenchmarkRun> StartAsync(string suiteName, string? target, string? targetType, EventEnvelope? cause, CancellationToken cancellationToken)
    {
        BenchmarkSuite suite;
        try
        {
            suite = BenchmarkSuiteLoader.Load(options.Value.Path, suiteName);
        }
        catch (BenchmarkSuiteException ex)
        {
            throw new BenchmarkRequestException(ex.Message);
        }

        var (resolved, recordedTarget, recordedType) = await ResolveAsync(suite, target, targetType, cancellationToken);
        var grains = new Dictionary<string, GrainsSnapshot>(StringComparer.Ordinal);
        foreach (var minion in resolved)
        {
            grains[minion] = GrainsSnapshot.From((await minions.FindAsync(minion, cancellationToken))?.Grains);
        }

        var now = time.GetUtcNow();
        var run = new BenchmarkRun(NewRunId(now), suite.Name, BenchmarkStatus.Pending, null, recordedTarget, recordedType, resolved, RunPolicy.From(suite),
            await File.ReadAllTextAsync(suite.File, cancellationToken), cause?.Id, now, null, null);
        await store.CreateRunAsync(run, resolved.Select(m => new BenchmarkHost(run.Id, m, BenchmarkStatus.Pending, null, grains[m])).ToList(), cancellationToken);
        var announced = cause?.CreateCaused(BenchmarkTags.New(run.Id), ReactorTags.Source, BenchmarkEvents.New(run))
            ?? EventEnvelope.Create(BenchmarkTags.New(run.Id), ReactorTags.Source, BenchmarkEvents.New(run));
        await emitter.EmitAsync(announced, cancellationToken);
        runner.Enqueue(new PendingRun(run, suite, grains, announced));
        return run;
    }

    /// <summary>A run id that sorts by time and reads well in tags: <c>20261128-153012-4f2a</c>.</summary>
    public static string NewRunId(DateTimeOffset now) =>
        $"{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";

    // The target given, narrowed to the minions that meet the suite's requirements; without a target, the requirements;
    // without either, the one present minion (with several, running on all of them by default would be a surprise).
    private async Task<(IReadOnlyList<string> Minions, string Target, string TargetType)> ResolveAsync(BenchmarkSuite suite, string? target, string? targetType, CancellationToken cancellationToken)
    {
        try
        {
            if (target is null)
            {
                if (suite.Requirements is { } required)
                {
                    return (await ResolveRequiredAsync(suite, required, cancellationToken), required.Target, required.TargetType);
                }

                var present = (await minions.ListAsync(cancellationToken)).Where(m => m.Present).Select(m => m.Id).ToList();
                return present.Count == 1
                    ? (present, present[0], TargetTypes.List)
                    : throw new BenchmarkRequestException(present.Count == 0
                        ? "no minion is present to run the suite on"
                        : $"{present.Count} minions are present ({string.Join(", ", present)}); name the ones to run on with a target (tgt, --target)");
            }

            var named = await targets.ResolveAsync(target, targetType, cancellationToken);
            var type = string.IsNullOrEmpty(targetType) ? TargetTypes.Glob : targetType;
            if (suite.Requirements is not { } requirements)
            {
                return (named, target, type);
            }

            var suitable = await ResolveRequiredAsync(suite, requirements, cancellationToken);
            var both = named.Intersect(suitable, StringComparer.Ordinal).ToList();
            return both.Count > 0
                ? (both, target, type)
                : throw new BenchmarkRequestException($"target '{target}' names {string.Join(", ", named)}, but none meets suite '{suite.Name}''s requirements ({requirements.Target}, {requirements.TargetType}); those that do: {string.Join(", ", suitable)}");
        }
        catch (TargetException ex)
        {
            throw new BenchmarkRequestException(ex.Message);
        }
    }

    private async Task<IReadOnlyList<string>> ResolveRequiredAsync(BenchmarkSuite suite, SuiteTarget requirements, CancellationToken cancellationToken)
    {
        try
        {
            return await targets.ResolveAsync(requirements.Target, requirements.TargetType, cancellationToken);
        }
        catch (TargetException ex)
        {
            throw new BenchmarkRequestException($"no present minion meets suite '{suite.Name}''s requirements: {ex.Message}");
        }
    }
}
