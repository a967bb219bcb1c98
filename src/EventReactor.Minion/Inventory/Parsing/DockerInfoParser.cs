using System.Text.Json;
using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>
/// Reads <c>docker info --format '{{json .}}'</c> and <c>docker version --format '{{json .}}'</c>, the same fields the
/// engine API returns, so that recorded hosts can be tested without their engine.
/// </summary>
internal static class DockerInfoParser
{
    public static DockerGrains Parse(string infoJson, string? versionJson)
    {
        using var info = JsonDocument.Parse(infoJson);
        var root = info.RootElement;
        string? apiVersion = null;
        if (versionJson is not null)
        {
            using var version = JsonDocument.Parse(versionJson);
            if (version.RootElement.TryGetProperty("Server", out var server) && server.ValueKind == JsonValueKind.Object)
            {
                apiVersion = Text(server, "ApiVersion");
            }
        }

        var runtimes = root.TryGetProperty("Runtimes", out var runtimeMap) && runtimeMap.ValueKind == JsonValueKind.Object
            ? runtimeMap.EnumerateObject().Select(p => p.Name)
            : [];
        return new DockerGrains(
            Text(root, "ServerVersion"),
            apiVersion,
            Text(root, "Driver"),
            Text(root, "CgroupVersion"),
            DockerRuntimes.Simplify(runtimes),
            Text(root, "DockerRootDir"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? TextLines.Trimmed(value.GetString()) : null;
}
