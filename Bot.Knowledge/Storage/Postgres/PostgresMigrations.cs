using System.Reflection;

namespace Bot.Knowledge.Storage.Postgres;

/// <summary>
/// A module's migrations (<see cref="PostgresDatabase.EnsureModule"/>) are SQL files embedded in the assembly that owns the
/// module, <c>Migrations/{module}.{n}.sql</c>: file n moves the module from version n - 1 to n. Append only: a released file
/// is never edited, a change is the next file.
/// </summary>
public static class PostgresMigrations
{
    public static IReadOnlyList<string> Of(Assembly owner, string module)
    {
        var migrations = new List<string>();
        while (owner.GetManifestResourceStream(ResourceName(module, migrations.Count + 1)) is { } stream)
        {
            using var reader = new StreamReader(stream);
            migrations.Add(reader.ReadToEnd());
        }
        return migrations.Count > 0
            ? migrations
            : throw new InvalidOperationException($"{owner.GetName().Name} embeds no migrations of the PostgreSQL module '{module}'.");
    }

    /// <summary>The logical name the project files give each <c>Migrations/*.sql</c> file.</summary>
    private static string ResourceName(string module, int version) => $"Migrations/{module}.{version}.sql";
}
