using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Tests.Inventory;

public sealed class CustomGrainsReaderTests
{
    [Fact]
    public void Read_YamlFileAndConfiguration_MergesWithConfigurationWinning()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "rack: b3\nslots: 4\nnvme: true\nzone: '7'\nowners: [perf, ci]\n");
            var warnings = new List<string>();

            var custom = CustomGrainsReader.Read(file, new Dictionary<string, string> { ["rack"] = "c1" }, warnings);

            Assert.Empty(warnings);
            Assert.Equal("c1", custom.GetProperty("rack").GetString());
            Assert.Equal(4, custom.GetProperty("slots").GetInt32());
            Assert.True(custom.GetProperty("nvme").GetBoolean());
            Assert.Equal("7", custom.GetProperty("zone").GetString()); // quoted stays text
            Assert.Equal(2, custom.GetProperty("owners").GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_JsonFile_ReadsItAsYaml()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"rack": "b3", "site": {"room": 2}}""");

            var custom = CustomGrainsReader.Read(file, new Dictionary<string, string>(), []);

            Assert.Equal("b3", custom.GetProperty("rack").GetString());
            Assert.Equal(2, custom.GetProperty("site").GetProperty("room").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_FileNotAMapping_WarnsNamingTheKey()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "- just\n- a list\n");
            var warnings = new List<string>();

            var custom = CustomGrainsReader.Read(file, new Dictionary<string, string>(), warnings);

            Assert.Empty(custom.EnumerateObject());
            Assert.Contains("Minion:GrainsFile", Assert.Single(warnings), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
