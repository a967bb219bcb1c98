using EventReactor.Minion.Inventory;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Commands.Functions;

/// <summary><c>inventory.refresh</c>: collects the grains again, publishes <c>minion/&lt;id&gt;/inventory</c> and returns them.</summary>
internal sealed class InventoryRefreshFunction(IInventoryService inventory) : IMinionFunction
{
    public string Name => "inventory.refresh";

    public async Task<FunctionResult> ExecuteAsync(FunctionArguments arguments, CommandContext context, CancellationToken cancellationToken)
    {
        arguments.EnsureAllRead();
        Grains grains = await inventory.RefreshAsync(cancellationToken);
        return FunctionResult.Ok(GrainsJson.ToElement(grains));
    }
}
