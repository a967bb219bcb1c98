using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Benchmarks;

internal sealed class BenchmarkOptionsValidator : IValidateOptions<BenchmarkOptions>
{
    public ValidateOptionsResult Validate(string? name, BenchmarkOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{BenchmarkOptions.Section}:{nameof(BenchmarkOptions.Path)} must name the folder of suites (it may be missing: then there are none)");
        }

        if (options.ReturnGrace <= TimeSpan.Zero)
        {
            failures.Add($"{BenchmarkOptions.Section}:{nameof(BenchmarkOptions.ReturnGrace)} must be more than 0, e.g. 00:01:00");
        }

        if (string.IsNullOrWhiteSpace(options.Regression.Grain) || options.Regression.Grain.Split('.').Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{BenchmarkOptions.Section}:{nameof(BenchmarkOptions.Regression)}:{nameof(RegressionBaselineOptions.Grain)} must be a grain path such as cpu.model or virtualization.instanceType");
        }

        if (options.Regression.Runs < 1)
        {
            failures.Add($"{BenchmarkOptions.Section}:{nameof(BenchmarkOptions.Regression)}:{nameof(RegressionBaselineOptions.Runs)} must be at least 1 (the baseline's number of earlier runs)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
