using System.Globalization;
using System.Text.Json;
using EventReactor.Core.Benchmarks;
using EventReactor.Core.Expressions;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>The <c>container.run</c> arguments of one repetition: the suite's container, waited for, timed out, removed, sampled, labelled.</summary>
internal static class ContainerRunArguments
{
    public static JsonElement For(BenchmarkSuite suite, string run, bool warmup, int index, int attempt)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["image"] = suite.Image,
            ["env"] = suite.Env.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal),
            ["network"] = suite.Network,
            ["wait"] = true,
            ["autoRemove"] = true,
            ["timeout"] = suite.Timeout.TotalSeconds,
            ["labels"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [BenchmarkLabels.Run] = run,
                [BenchmarkLabels.Repetition] = BenchmarkLabels.RepetitionValue(warmup, index),
                [BenchmarkLabels.Attempt] = attempt.ToString(CultureInfo.InvariantCulture),
            },
        };
        if (suite.Command is { } command)
        {
            arguments["command"] = command.Cast<object?>().ToList();
        }

        if (suite.Resources.Cpus is { } cpus)
        {
            arguments["cpus"] = cpus;
        }

        if (suite.Resources.Memory is { } memory)
        {
            arguments["memory"] = memory;
        }

        if (suite.Resources.Devices.Count > 0)
        {
            arguments["devices"] = suite.Resources.Devices
                .Select(d => (object?)new Dictionary<string, object?> { ["host"] = d.Host, ["container"] = d.Container, ["permissions"] = d.Permissions })
                .ToList();
        }

        if (suite.Resources.Gpus is { } gpus)
        {
            arguments["gpus"] = gpus;
        }

        if (suite.MetricsInterval is { } interval)
        {
            arguments["metrics"] = new Dictionary<string, object?> { ["interval"] = $"{interval.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms" };
        }

        return CelValues.ToJson(arguments);
    }
}
