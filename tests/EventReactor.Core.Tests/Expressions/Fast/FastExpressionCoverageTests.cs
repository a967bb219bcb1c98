using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;

namespace EventReactor.Core.Tests.Expressions.Fast;

public sealed class FastExpressionCoverageTests
{
    private static readonly SourceLocation At = new("r.yaml", 1, 1);

    [Theory]
    [InlineData("event.data.exitCode != 0 && event.data.image.startsWith('bench/')")]
    [InlineData("event.data.labels['team'] == 'gpu'")]
    [InlineData("event.data.memory > 1024 * 1024")]
    [InlineData("has(event.data.exitCode) ? event.data.exitCode : -1")]
    [InlineData("event.data.gpus.exists(g, g.model.matches('K[0-9]+'))")]
    [InlineData("!(event.minion in ['a', 'b']) || size(event.tag) > 3u")]
    [InlineData("vars.teams.filter(t, t != 'x').map(t, t + '!').all(t, t.endsWith('!'))")]
    public void Compile_CommonSubset_HasFastPath(string text)
    {
        Assert.True(CelCompiler.Compile(text, At).HasFastPath);
    }

    [Theory]
    [InlineData("int(event.data.ratio) == 0")]
    [InlineData("{'a': 1}.a == 1")]
    [InlineData("'a\\tb'.size() == 3")]
    [InlineData("0x10 == 16")]
    [InlineData("timestamp(event.time) > timestamp('2020-01-01T00:00:00Z')")]
    [InlineData("r'raw' == 'raw'")]
    public void Compile_OutsideSubset_FallsBackToPackage(string text)
    {
        Assert.False(CelCompiler.Compile(text, At).HasFastPath);
    }
}
