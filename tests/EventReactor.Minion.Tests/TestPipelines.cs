using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace EventReactor.Minion.Tests;

/// <summary>The minion's real named pipelines, on the given options and clock (a fake one makes every wait instant to advance).</summary>
internal static class TestPipelines
{
    public static ResiliencePipelineProvider<string> For(MinionOptions? options = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(Options.Create(options ?? new MinionOptions { Id = "m1" }));
        services.AddMinionResilience();
        return services.BuildServiceProvider().GetRequiredService<ResiliencePipelineProvider<string>>();
    }
}
