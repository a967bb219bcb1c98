using EventReactor.Contracts.Inventory;
using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>Reads the table's columns out of a minion's grains (docs/grains.md); a missing grain shows as empty.</summary>
internal static class MinionRows
{
    public static MinionRow From(MinionRecord minion, IReadOnlyList<string> pools)
    {
        // Sections another publisher left out read as null (GrainsReader), hence the ?. on non-nullable members.
        var grains = GrainsReader.Read(minion.Grains);
        return new MinionRow(
            minion.Id,
            minion.Present,
            minion.LastSeen,
            grains?.Cpu?.Model,
            grains?.Cpu?.Cores ?? 0,
            grains?.Cpu?.Threads ?? 0,
            grains?.Memory?.TotalBytes ?? 0,
            grains?.Gpus?.Select(gpu => gpu?.Model ?? "GPU").ToList() ?? [],
            grains?.Accelerators?.Count(accelerator => accelerator?.Kind == "fpga") ?? 0,
            pools);
    }
}
