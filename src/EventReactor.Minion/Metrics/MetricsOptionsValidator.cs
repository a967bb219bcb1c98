using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Metrics;

internal sealed class MetricsOptionsValidator : IValidateOptions<MinionOptions>
{
    private const string Key = $"{MinionOptions.Section}:Metrics";

    public ValidateOptionsResult Validate(string? name, MinionOptions options)
    {
        var metrics = options.Metrics;
        var failures = new List<string>();
        if (metrics.Interval < MetricsOptions.MinInterval)
        {
            failures.Add($"{Key}:{nameof(MetricsOptions.Interval)} '{metrics.Interval}' must be at least {MetricsOptions.MinInterval.TotalMilliseconds} ms, e.g. 00:00:01");
        }

        if (metrics.HostInterval != TimeSpan.Zero && metrics.HostInterval < MetricsOptions.MinInterval)
        {
            failures.Add($"{Key}:{nameof(MetricsOptions.HostInterval)} '{metrics.HostInterval}' must be 00:00:00 (off) or at least {MetricsOptions.MinInterval.TotalMilliseconds} ms, e.g. 00:00:01");
        }

        if (metrics.FlushInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Key}:{nameof(MetricsOptions.FlushInterval)} '{metrics.FlushInterval}' must be positive, e.g. 00:00:05");
        }

        if (metrics.FlushSamples < 1)
        {
            failures.Add($"{Key}:{nameof(MetricsOptions.FlushSamples)} '{metrics.FlushSamples}' must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
