using EventReactor.Minion.Inventory.Probing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Inventory;

internal static class InventoryServiceCollectionExtensions
{
    public static IServiceCollection AddMinionInventory(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<MinionOptions>, InventoryOptionsValidator>();
        services.AddSingleton<IHostProbe, LocalHostProbe>();
        services.AddSingleton<IDockerFactsSource, EngineDockerFactsSource>();
        services.AddSingleton<InventoryCollector>();
        services.AddSingleton<InventoryService>();
        services.AddSingleton<IInventoryService>(provider => provider.GetRequiredService<InventoryService>());
        services.AddHostedService<InventoryPublisher>();
        return services;
    }
}
