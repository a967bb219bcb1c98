using EventReactor.Minion.Metrics;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>metrics.start</c>: samples a running container (<c>id</c>) every <c>interval</c> (default <c>Minion:Metrics:Interval</c>).</summary>
internal sealed class MetricsStartFunction(MetricsSampler sampler, IOptions<MinionOptions> options) : IMinionFunction
{
    public string Name => "metrics.start";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        var container = arguments.RequiredString("id");
        var interval = SamplingInterval.Read(arguments, "interval", arguments.Optional("interval")) ?? options.Value.Metrics.Interval;
        arguments.EnsureAllRead();
        try
        {
            var id = await sampler.StartAsync(container, interval, cancellationToken);
            return FunctionResult.Ok(new { id, intervalMs = interval.TotalMilliseconds });
        }
        catch (InvalidOperationException ex)
        {
            throw new FunctionFailedException(ex.Message);
        }
    }
}
