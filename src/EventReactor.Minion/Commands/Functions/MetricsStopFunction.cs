using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>metrics.stop</c>: stops sampling a container (<c>id</c>), shipping the samples still buffered.</summary>
internal sealed class MetricsStopFunction(MetricsSampler sampler) : IMinionFunction
{
    public string Name => "metrics.stop";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var container = arguments.RequiredString("id");
        arguments.EnsureAllRead();
        var stopped = await sampler.StopAsync(container);
        return FunctionResult.Ok(new { id = container, stopped });
    }
}
