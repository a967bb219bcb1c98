using EventReactor.Reactor.Pools;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Pools;

public sealed class PoolCatalogTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("catalog-");

    private string PoolsFile => Path.Combine(_root.FullName, "pools.yaml");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Refresh_MissingFile_NoPools()
    {
        var catalog = Catalog();
        Assert.Empty(catalog.Refresh());
        Assert.Empty(catalog.Current);
    }

    [Fact]
    public void Refresh_BadEdit_KeepsPoolsInForceAndReportsFileLineColumn()
    {
        File.WriteAllText(PoolsFile, "pools:\n  - name: a\n");
        var catalog = Catalog();
        Assert.Empty(catalog.Refresh());

        File.WriteAllText(PoolsFile, "pools:\n  - name: b\n    min: x\n");
        File.SetLastWriteTimeUtc(PoolsFile, DateTime.UtcNow.AddSeconds(5));
        var problems = catalog.Refresh();

        Assert.Equal($"{PoolsFile}:3:10: 'min' must be a whole number of at least 0", problems[0].ToString());
        Assert.Equal(["a"], catalog.Current.Select(p => p.Name));
    }

    [Fact]
    public void Refresh_GoodEdit_ReplacesPools()
    {
        File.WriteAllText(PoolsFile, "pools:\n  - name: a\n");
        var catalog = Catalog();
        catalog.Refresh();

        File.WriteAllText(PoolsFile, "pools:\n  - name: b\n");
        File.SetLastWriteTimeUtc(PoolsFile, DateTime.UtcNow.AddSeconds(5));

        Assert.Empty(catalog.Refresh());
        Assert.Equal(["b"], catalog.Current.Select(p => p.Name));
    }

    private PoolCatalog Catalog() =>
        new(Options.Create(new ReactorOptions { PoolsFile = PoolsFile }), NullLogger<PoolCatalog>.Instance);
}
