namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>A temporary rules folder and data folder for one test, with a unique id to keep its tags apart.</summary>
internal sealed class TestWorkspace : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("eventreactor-it-");

    public TestWorkspace()
    {
        Directory.CreateDirectory(RulesPath);
        Directory.CreateDirectory(DataPath);
    }

    public string Id { get; } = Guid.NewGuid().ToString("N")[..10];

    public string RulesPath => Path.Combine(_root.FullName, "reactors");

    public string DataPath => Path.Combine(_root.FullName, "data");

    public int HttpPort { get; } = FreePort.Next();

    public string Server => $"http://127.0.0.1:{HttpPort}";

    public TestWorkspace WithRules(string fileName, string yaml)
    {
        File.WriteAllText(Path.Combine(RulesPath, fileName), yaml);
        return this;
    }

    public void Dispose() => _root.Delete(recursive: true);
}
