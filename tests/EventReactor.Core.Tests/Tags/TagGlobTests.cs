using EventReactor.Core.Tags;

namespace EventReactor.Core.Tests.Tags;

public sealed class TagGlobTests
{
    private const string FixtureFile = "fnmatch-cases.tsv";

    public static TheoryData<string, string, bool> FnmatchCases()
    {
        // Written by generate-fnmatch-cases.py from Python 3.11's fnmatch.fnmatchcase.
        var path = Path.Combine(AppContext.BaseDirectory, "Tags", FixtureFile);
        var data = new TheoryData<string, string, bool>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"{FixtureFile}: expected 3 tab-separated fields in '{line}'");
            }

            data.Add(fields[0], fields[1], bool.Parse(fields[2]));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FnmatchCases))]
    public void IsMatch_FnmatchFixture_AgreesWithPython(string pattern, string text, bool expected)
    {
        var glob = TagGlob.Parse(pattern);

        Assert.Equal(expected, glob.IsMatch(text));
        Assert.Equal(expected, glob.IsMatch(text.AsSpan()));
    }

    [Fact]
    public void FnmatchFixture_HasEdgeAndRandomCases()
    {
        var cases = FnmatchCases();

        // A truncated fixture would otherwise pass quietly with fewer rows.
        Assert.True(cases.Count >= 4000, $"only {cases.Count} cases");
        Assert.Contains(cases, row => (bool)row[2]);
        Assert.Contains(cases, row => !(bool)row[2]);
    }

    [Fact]
    public void FnmatchFixture_LiteralPrefix_IsPrefixOfEveryMatch()
    {
        foreach (var row in FnmatchCases())
        {
            var glob = TagGlob.Parse((string)row[0]);
            if ((bool)row[2])
            {
                Assert.StartsWith(glob.LiteralPrefix, (string)row[1], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void FnmatchFixture_LiteralSuffix_IsSuffixOfEveryMatch()
    {
        foreach (var row in FnmatchCases())
        {
            var glob = TagGlob.Parse((string)row[0]);
            if ((bool)row[2])
            {
                Assert.EndsWith(glob.LiteralSuffix, (string)row[1], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void FnmatchFixture_LongestLiteral_IsInEveryMatch()
    {
        foreach (var row in FnmatchCases())
        {
            var glob = TagGlob.Parse((string)row[0]);
            if ((bool)row[2])
            {
                Assert.Contains(glob.LongestLiteral, (string)row[1], StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("minion/a/b/docker/container/die")]
    [InlineData("minion/web1/docker/container/die")]
    [InlineData("minion//docker/container/die")]
    public void IsMatch_StarCrossesSlash_Matches(string tag)
    {
        Assert.True(TagGlob.Parse("minion/*/docker/container/die").IsMatch(tag));
    }

    [Theory]
    [InlineData("minion/docker/container/die")]
    [InlineData("minion/web1/docker/container/start")]
    [InlineData("minion/web1/docker/container/die/")]
    public void IsMatch_StarPatternOtherTag_DoesNotMatch(string tag)
    {
        Assert.False(TagGlob.Parse("minion/*/docker/container/die").IsMatch(tag));
    }

    [Theory]
    [InlineData("salt/job/20240101/ret/web1", true)]
    [InlineData("salt/job/20240101/ret/", true)]
    [InlineData("salt/job/1/2/ret/a/b", true)]
    [InlineData("salt/job/20240101/new", false)]
    [InlineData("salt/job/ret/x", false)]
    public void IsMatch_SaltJobReturn_MatchesAnyJobAndMinion(string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse("salt/job/*/ret/*").IsMatch(tag));
    }

    [Theory]
    [InlineData("b", true)]
    [InlineData("/", true)]
    [InlineData("a", false)]
    [InlineData("", false)]
    [InlineData("bb", false)]
    public void IsMatch_NegatedClass_MatchesOneOtherChar(string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse("[!a]").IsMatch(tag));
    }

    [Theory]
    [InlineData("[]]", "]", true)]
    [InlineData("[]]", "a", false)]
    [InlineData("[]a]", "a", true)]
    [InlineData("[!]]", "]", false)]
    [InlineData("[!]]", "a", true)]
    public void IsMatch_BracketFirstInClass_IsMember(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("[a-]", "a", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[a-]", "b", false)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[-a]", "a", true)]
    [InlineData("[-a]", "b", false)]
    [InlineData("[a-b-c]", "b", true)]
    [InlineData("[a-b-c]", "-", true)]
    [InlineData("[a-b-c]", "c", true)]
    public void IsMatch_HyphenAtClassEdge_IsMember(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("[z-a]", "a")]
    [InlineData("[z-a]", "m")]
    [InlineData("[z-a]", "z")]
    [InlineData("[z-a]", "")]
    [InlineData("[a--]", "-")]
    public void IsMatch_ReversedRange_NeverMatches(string pattern, string tag)
    {
        Assert.False(TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("-")]
    [InlineData("\n")]
    public void IsMatch_NegatedReversedRange_MatchesAnyOneChar(string tag)
    {
        Assert.True(TagGlob.Parse("[!z-a]").IsMatch(tag));
    }

    [Theory]
    [InlineData("[z-a!b]", "b", false)]
    [InlineData("[z-a!b]", "!", true)]
    [InlineData("[z-a!-c]", "-", false)]
    [InlineData("[z-a!-c]", "b", true)]
    [InlineData("[b-a-c]", "-", true)]
    [InlineData("[b-a-c]", "b", false)]
    [InlineData("[a--b]", "b", true)]
    [InlineData("[a--b]", "-", false)]
    public void IsMatch_LeftoversOfDroppedRange_FollowPythonTranslate(string pattern, string tag, bool expected)
    {
        // translate() removes "z-a" and re then reads what is left, so a '!' left in front negates.
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("[", "[", true)]
    [InlineData("[a", "[a", true)]
    [InlineData("[a", "a", false)]
    [InlineData("[!]", "[!]", true)]
    [InlineData("a[*", "a[xyz", true)]
    [InlineData("[*", "x", false)]
    public void IsMatch_UnclosedBracket_IsLiteral(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData(@"\", @"\", true)]
    [InlineData(@"\*", @"\abc", true)]
    [InlineData(@"\*", "*", false)]
    [InlineData(@"\?", "?", false)]
    [InlineData(@"\[a]", @"\a", true)]
    [InlineData(@"[\]", @"\", true)]
    [InlineData(@"[\]]", @"\]", true)]
    [InlineData(@"[\]]", "]", false)]
    [InlineData(@"\d", "1", false)]
    public void IsMatch_Backslash_IsOrdinaryChar(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("a", "", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    public void IsMatch_EmptyPatternOrTag_FollowsPython(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("**", "")]
    [InlineData("**", "a/b")]
    [InlineData("a**b", "ab")]
    [InlineData("a***b", "a/x/b")]
    public void IsMatch_DoubleStar_ActsAsSingleStar(string pattern, string tag)
    {
        Assert.True(TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("salt/", true)]
    [InlineData("salt/a/b", true)]
    [InlineData("salt", false)]
    [InlineData("xsalt/", false)]
    public void IsMatch_TrailingStar_MatchesPrefix(string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse("salt/*").IsMatch(tag));
    }

    [Theory]
    [InlineData("x.log", true)]
    [InlineData(".log", true)]
    [InlineData("x.log.1", false)]
    public void IsMatch_LeadingStar_MatchesSuffix(string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse("*.log").IsMatch(tag));
    }

    [Theory]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyycb", false)]
    [InlineData("*aab", "aaab", true)]
    [InlineData("a*a*a", "aa", false)]
    [InlineData("*a?b", "aaxb", true)]
    public void IsMatch_SeveralStars_Backtracks(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Theory]
    [InlineData("ABC", "abc")]
    [InlineData("[A-Z]", "a")]
    [InlineData("*.TXT", "file.txt")]
    public void IsMatch_DifferentCase_DoesNotMatch(string pattern, string tag)
    {
        Assert.False(TagGlob.Parse(pattern).IsMatch(tag));
    }

    // Python compiles with re.DOTALL and anchors with \Z, so newlines are ordinary characters
    // and a trailing newline is not forgiven. (Newlines cannot go in the TSV fixture.)
    [Theory]
    [InlineData("?", "\n", true)]
    [InlineData("a*b", "a\nb", true)]
    [InlineData("a", "a\n", false)]
    [InlineData("a*", "a\n", true)]
    [InlineData("[!a]", "\n", true)]
    [InlineData("a\tb", "a\tb", true)]
    [InlineData("a?b", "a\tb", true)]
    public void IsMatch_NewlineOrTab_IsOrdinaryChar(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    // A surrogate pair is one code point to Python; each case was checked with python3.11.
    [Theory]
    [InlineData("?", "\U0001F600", true)]
    [InlineData("??", "\U0001F600", false)]
    [InlineData("[!a]", "\U0001F600", true)]
    [InlineData("a?c", "a\U0001F600c", true)]
    [InlineData("*\U0001F600", "x\U0001F600", true)]
    public void IsMatch_SurrogatePair_IsOneChar(string pattern, string tag, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsMatch(tag));
    }

    [Fact]
    public void IsMatch_LoneSurrogate_NeverPairsWithHalfOfAPair()
    {
        // Not [InlineData]: xunit's test-case serialization turns lone surrogates into U+FFFD.
        // Expected values are Python 3.11's, for the same strings written with \ud83d escapes.
        (string Pattern, string Tag, bool Expected)[] cases =
        [
            ("\ud83d*", "\U0001F600", false),
            ("*\ude00", "\U0001F600", false),
            ("?\ude00", "\U0001F600", false),
            ("*\ude00*", "x\U0001F600", false),
            ("\ud83d?", "\ud83dx", true),
            ("*\ude00", "x\ude00", true),
            ("[\ud800-\udfff]", "\ud83d", true),
            ("[\ud800-\udfff]", "\U0001F600", false),
        ];

        foreach (var (pattern, tag, expected) in cases)
        {
            Assert.True(expected == TagGlob.Parse(pattern).IsMatch(tag), $"pattern {Escape(pattern)} tag {Escape(tag)}");
        }
    }

    [Theory]
    [InlineData("salt/auth", "salt/auth")]
    [InlineData("", "")]
    [InlineData("salt/job/*/ret/*", "salt/job/")]
    [InlineData("*", "")]
    [InlineData("a?b", "a")]
    [InlineData("ab[cd]e", "ab")]
    [InlineData("ab[!c]", "ab")]
    [InlineData("ab[z-a]", "ab")]
    [InlineData("ab[!z-a]", "ab")]
    [InlineData("a[b", "a[b")]
    [InlineData("a[b*", "a[b")]
    [InlineData("[]", "[]")]
    [InlineData(@"a\*", @"a\")]
    public void LiteralPrefix_StopsAtFirstWildcardOrRealClass(string pattern, string expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).LiteralPrefix);
    }

    [Theory]
    [InlineData("salt/auth", true)]
    [InlineData("", true)]
    [InlineData("a[b", true)]
    [InlineData(@"a\b", true)]
    [InlineData("[!]", true)]
    [InlineData("a*", false)]
    [InlineData("a?", false)]
    [InlineData("[a]", false)]
    [InlineData("[z-a]", false)]
    public void IsLiteral_OnlyWithoutWildcardOrClass(string pattern, bool expected)
    {
        Assert.Equal(expected, TagGlob.Parse(pattern).IsLiteral);
    }

    [Fact]
    public void IsMatch_LiteralPattern_IsOrdinalEquality()
    {
        var glob = TagGlob.Parse("salt/auth");

        Assert.True(glob.IsMatch("salt/auth"));
        Assert.False(glob.IsMatch("salt/auth/"));
        Assert.False(glob.IsMatch("Salt/auth"));
        Assert.False(glob.IsMatch("salt/aut"));
    }

    [Fact]
    public void IsMatch_SpanOverload_MatchesSlice()
    {
        var glob = TagGlob.Parse("salt/job/*/ret/*");

        Assert.True(glob.IsMatch("xxsalt/job/1/ret/m".AsSpan(2)));
    }

    [Fact]
    public void PatternAndToString_ReturnOriginalText()
    {
        var glob = TagGlob.Parse("a**[!]]?");

        Assert.Equal("a**[!]]?", glob.Pattern);
        Assert.Equal("a**[!]]?", glob.ToString());
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TagGlob.Parse(null!));
    }

    [Fact]
    public void IsMatch_NullTag_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TagGlob.Parse("*").IsMatch((string)null!));
    }

    [Fact]
    public void IsMatch_LongTagManyStars_CompletesQuickly()
    {
        // Star backtracking is O(tag * pattern); a regex engine without atomic groups would blow up here.
        var glob = TagGlob.Parse("*a*a*a*a*a*a*a*a*b");
        var tag = new string('a', 10_000);

        Assert.False(glob.IsMatch(tag));
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}"));
}
