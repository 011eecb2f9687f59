package dev.stowage.launcher.cli;

import dev.stowage.jobs.location.OpenedRepository;

/** What a person must know when a command created something for them. */
final class Announcements {

    private Announcements() {
    }

    static void repository(CliContext context, OpenedRepository repository) {
        if (repository.created()) {
            context.err().println("Created a new repository at location " + repository.location().name() + " ("
                    + repository.location().describe() + ").");
        }
        if (repository.generatedPasswordFile() != null) {
            context.err().println("Its password was generated into " + repository.generatedPasswordFile()
                    + " (readable only by you): keep a copy elsewhere, the backups cannot be read without it.");
        }
        context.err().flush();
    }
}
