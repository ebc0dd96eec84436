package io.chaosfn.flow;

import io.chaosfn.store.JournalStore;
import io.chaosfn.store.local.DirectoryJournalStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal queries over the CLI's directory store. */
class DirectoryJournalQueryServiceTest extends JournalQueryServiceContract {
  @TempDir
  Path root;

  @Override
  protected JournalStore newStore() {
    return new DirectoryJournalStore(root);
  }
}
