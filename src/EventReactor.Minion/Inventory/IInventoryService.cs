using EventReactor.Contracts.Inventory;
namespace EventReactor.Minion.Inventory;

/// <summary>The minion's inventory (grains); the <c>inventory.refresh</c> command calls <see cref="RefreshAsync"/>.</summary>
public interface IInventoryService
{
    /// <summary>The grains last collected, or null before the first collection.</summary>
    Grains? Current { get; }

    /// <summary>Collects the grains again and publishes <c>minion/&lt;id&gt;/inventory</c>, changed or not.</summary>
    Task<Grains> RefreshAsync(CancellationToken cancellationToken);
}
