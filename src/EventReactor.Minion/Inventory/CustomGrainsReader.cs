using System.Text.Json;
using System.Text.Json.Nodes;
using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Inventory;

/// <summary>
/// Operator-defined grains: the mapping in <c>Minion:GrainsFile</c> (YAML or JSON), then <c>Minion:Grains</c> from
/// configuration on top, so that an environment variable can override one key of a shared file.
/// </summary>
internal static class CustomGrainsReader
{
    public static JsonElement Read(string? grainsFile, IReadOnlyDictionary<string, string> configured, ICollection<string> warnings)
    {
        var custom = new JsonObject();
        if (!string.IsNullOrWhiteSpace(grainsFile))
        {
            try
            {
                if (YamlToJson.Convert(File.ReadAllText(grainsFile)) is JsonObject fromFile)
                {
                    foreach (var (key, value) in fromFile.ToList())
                    {
                        fromFile.Remove(key);
                        custom[key] = value;
                    }
                }
                else
                {
                    warnings.Add($"custom: {MinionOptions.Section}:GrainsFile '{grainsFile}' is not a mapping such as 'rack: b3'; ignored");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
            {
                warnings.Add($"custom: {MinionOptions.Section}:GrainsFile '{grainsFile}' could not be read: {ex.Message}");
            }
        }

        foreach (var (key, value) in configured.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            custom[key] = value;
        }

        return JsonSerializer.SerializeToElement(custom);
    }
}
