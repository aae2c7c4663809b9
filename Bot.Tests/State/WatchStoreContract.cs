using Bot.Knowledge.Watches;

namespace Bot.Tests.State;

/// <summary>Company watches, the same for LiteDB and PostgreSQL.</summary>
public abstract class WatchStoreContract : StateContract
{
    private CompanyWatch Watch(string platform, string channel, string company, params string[] known) => new()
    {
        Id = CompanyWatch.IdFor(platform, channel, company), Platform = platform, ChannelId = channel, Company = company,
        CompanyKey = company.ToLowerInvariant(), AddedBy = "U1", AddedAt = Time.GetUtcNow().UtcDateTime, KnownSources = [.. known],
    };

    [Fact]
    public void A_channel_watches_a_company_once_lists_its_watches_by_name_and_removes_one()
    {
        var watches = Backend.Watches();
        Assert.True(watches.TryAdd(Watch("slack", "C1", "Globex", "row:a")));
        Assert.True(watches.TryAdd(Watch("slack", "C1", "Acme")));
        Assert.False(Backend.Watches().TryAdd(Watch("slack", "C1", "Acme")));
        Assert.True(watches.TryAdd(Watch("discord", "C1", "Initech")));

        Assert.Equal(["Acme", "Globex"], watches.InChannel("slack", "C1").Select(w => w.Company));
        var globex = watches.InChannel("slack", "C1")[1];
        Assert.Equal(["row:a"], globex.KnownSources);
        Assert.Equal(("U1", Start), (globex.AddedBy, new DateTimeOffset(globex.AddedAt.ToUniversalTime(), TimeSpan.Zero)));
        Assert.True(watches.Remove(CompanyWatch.IdFor("slack", "C1", "acme")));
        Assert.False(watches.Remove(CompanyWatch.IdFor("slack", "C1", "acme")));
        Assert.Equal(2, watches.All().Count);
    }

    [Fact]
    public async Task Sources_marked_known_by_two_instances_at_once_are_all_kept()
    {
        var one = Backend.Watches();
        var other = Backend.Watches();
        Assert.True(one.TryAdd(Watch("slack", "C1", "Acme", "row:old")));
        var id = CompanyWatch.IdFor("slack", "C1", "Acme");

        await RaceAsync<bool>(
        [
            () => { one.MarkKnown(id, ["row:1", "row:old"]); return true; },
            () => { other.MarkKnown(id, ["article:7:0"]); return true; },
        ]);
        one.MarkKnown("slack:C1:gone", ["row:2"]); // a removed watch: nothing happens

        Assert.Equal(["article:7:0", "row:1", "row:old"], other.All().Single().KnownSources.Order(StringComparer.Ordinal));
    }
}

public sealed class LiteDbWatchStoreTests : WatchStoreContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.LiteDbAsync();
}

public sealed class PostgresWatchStoreTests : WatchStoreContract
{
    protected override Task<StateBackend> OpenAsync() => StateBackend.PostgresAsync();
}
