using System.Text.Json;
using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>Reads the table's columns out of a minion's grains (docs/grains.md); a missing grain shows as empty.</summary>
internal static class MinionRows
{
    public static MinionRow From(MinionRecord minion, IReadOnlyList<string> pools)
    {
        var grains = minion.Grains is { ValueKind: JsonValueKind.Object } g ? g : default;
        var cpu = Section(grains, "cpu");
        return new MinionRow(
            minion.Id,
            minion.Present,
            minion.LastSeen,
            Text(cpu, "model"),
            Int(cpu, "cores"),
            Int(cpu, "threads"),
            Section(grains, "memory") is { ValueKind: JsonValueKind.Object } memory && memory.TryGetProperty("totalBytes", out var total) && total.TryGetInt64(out var bytes) ? bytes : 0,
            Items(grains, "gpus").Select(gpu => Text(gpu, "model") ?? "GPU").ToList(),
            Items(grains, "accelerators").Count(a => Text(a, "kind") == "fpga"),
            pools);
    }

    private static JsonElement Section(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Section(parent, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement parent, string name) =>
        Section(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int Int(JsonElement parent, string name) =>
        Section(parent, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : 0;
}
