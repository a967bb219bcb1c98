using EventReactor.Core.Actions;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Actions;

/// <summary><c>benchmark.run</c>: starts a run of a suite, as <c>eventreactor bench run</c> does; the run then goes on by itself.</summary>
internal sealed class BenchmarkRunAction(BenchmarkService benchmarks) : IActionHandler
{
    public static ActionSchema Definition { get; } = new(
        "benchmark.run",
        "Start a benchmark run of a suite from the benchmarks folder on the minions a target names.",
        [
            new("suite", ArgumentKind.String, true, "the suite's name: config/benchmarks/<suite>.yaml"),
            new("tgt", ArgumentKind.String, false, "the target (default: the suite's requirements, or the one present minion)"),
            new("tgt_type", ArgumentKind.String, false, "glob (default), list, grain, pool or expr"),
        ]);

    public ActionSchema Schema => Definition;

    public async Task<ActionResult> ExecuteAsync(ActionInvocation invocation, CancellationToken cancellationToken)
    {
        var suite = invocation.GetString("suite") ?? throw new ActionArgumentException("'suite' is required");
        try
        {
            var run = await benchmarks.StartAsync(suite, invocation.GetString("tgt"), invocation.GetString("tgt_type"), invocation.Event, cancellationToken);
            return new ActionResult($"benchmark run {run.Id}: {run.Suite} on {string.Join(", ", run.Minions)}");
        }
        catch (BenchmarkRequestException ex)
        {
            // Not retried: the same suite and target would fail the same way.
            throw new ActionArgumentException(ex.Message);
        }
    }
}
