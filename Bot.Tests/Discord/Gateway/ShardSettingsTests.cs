namespace Bot.Tests.Discord.Gateway;

/// <summary><c>Discord:ShardCount</c> and <c>Discord:ShardIds</c> as the start-up validator sees them.</summary>
public sealed class ShardSettingsTests
{
    [Theory]
    [InlineData("0", null, "Discord:ShardCount must be a whole number from 1 to 65536 or 'auto' (got '0').")]
    [InlineData("-1", null, "Discord:ShardCount must be a whole number from 1 to 65536 or 'auto' (got '-1').")]
    [InlineData("two", null, "Discord:ShardCount must be a whole number from 1 to 65536 or 'auto' (got 'two').")]
    [InlineData("2", "2", "Discord:ShardIds contains 2, but Discord:ShardCount is 2: shard ids run from 0 to 1.")]
    [InlineData("8", "4-9", "Discord:ShardIds contains 8, but Discord:ShardCount is 8: shard ids run from 0 to 7.")]
    [InlineData("1", "1", "Discord:ShardIds contains 1, but Discord:ShardCount is 1: shard ids run from 0 to 0.")]
    [InlineData("4", "one", "Discord:ShardIds contains 'one', which is neither a shard id (0 to 65535) nor a range such as 0-3.")]
    [InlineData("4", "3-1", "Discord:ShardIds contains '3-1', which is neither a shard id (0 to 65535) nor a range such as 0-3.")]
    [InlineData("auto", "-1", "Discord:ShardIds contains '-1', which is neither a shard id (0 to 65535) nor a range such as 0-3.")]
    [InlineData("4", "0-2,2", "Discord:ShardIds lists shard 2 twice.")]
    public void Each_bad_shard_setting_is_named_with_what_is_wrong(string count, string? ids, string expected)
    {
        var result = Validate(new DiscordOptions { Token = "token", ShardCount = count, ShardIds = ids is null ? [] : [ids] });

        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }

    [Theory]
    [InlineData("1", null)]
    [InlineData("", null)]
    [InlineData("AUTO", null)]
    [InlineData("auto", "0-3")]
    [InlineData("4", "2, 3")]
    [InlineData("16", "0-7")]
    public void Good_shard_settings_pass(string count, string? ids) =>
        Assert.True(Validate(new DiscordOptions { Token = "token", ShardCount = count, ShardIds = ids is null ? [] : [ids] }).Succeeded);

    [Fact]
    public void Sharding_in_http_mode_is_refused_because_nothing_connects_there()
    {
        var result = Validate(new DiscordOptions { Token = "token", Mode = "http", PublicKey = new string('a', 64), ShardCount = "2" });

        Assert.Contains("Discord:ShardCount and Discord:ShardIds apply to the gateway only", result.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options);
}
