using LiteDB;

namespace Bot.Host.Chat;

/// <summary>One person's vote on one answer; the id is answer id + hashed user, so a second vote replaces the first.</summary>
public sealed class FeedbackVoteRecord
{
    [BsonId] public string Id { get; set; } = "";
    public string AnswerId { get; set; } = "";
    /// <summary>HMAC-SHA256 of platform and user id under a random key kept in the database: never the id itself.</summary>
    public string UserHash { get; set; } = "";
    public bool Helpful { get; set; }
    public DateTime At { get; set; }
}
