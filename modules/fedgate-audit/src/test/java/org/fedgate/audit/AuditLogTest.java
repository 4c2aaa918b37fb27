package org.fedgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.AuditStores;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.spi.CheckpointSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejections of the log's own API that need no second store. */
class AuditLogTest {

  @TempDir Path dir;

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath();
  }

  @Test
  void export_storeWithoutCheckpoint_isRefusedWithFg4013() {
    try (AuditStore store = AuditStores.open(url())) {
      assertThatThrownBy(
              () -> BundleExporter.forStore(store).export(null, null, new ByteArrayOutputStream()))
          .isInstanceOfSatisfying(
              FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4013"));
    }
  }

  @Test
  void checkpointNow_signerFails_isRefusedWithFg4015() {
    CheckpointSigner broken =
        new CheckpointSigner() {
          @Override
          public String algorithm() {
            return "ES256";
          }

          @Override
          public String keyId() {
            return "broken";
          }

          @Override
          public byte[] certificateDer() {
            return new byte[0];
          }

          @Override
          public byte[] sign(byte[] message) {
            throw new IllegalStateException("HSM offline");
          }
        };
    try (AuditLog log = AuditLog.open(url(), TestSupport.manualCheckpoints(), broken)) {
      log.append(TestSupport.entry(0)); // appends do not depend on the signer
      assertThatThrownBy(() -> log.checkpoints().checkpointNow())
          .isInstanceOfSatisfying(
              FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4015"));
    }
  }

  @Test
  void checkpointNow_readOnlyCheckpoints_isRefusedWithFg4015() {
    try (AuditStore store = AuditStores.open(url())) {
      assertThatThrownBy(() -> Checkpoints.readOnly(store).checkpointNow())
          .isInstanceOfSatisfying(
              FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4015"));
    }
  }

  @Test
  void open_unsupportedUrl_isRefusedWithFg4009() {
    assertThatThrownBy(() -> AuditStores.open("jdbc:sqlite:audit.db"))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4009"));
  }

  @Test
  void close_signsAFinalCheckpointOverEverything() {
    try (AuditLog log =
        AuditLog.open(url(), TestSupport.manualCheckpoints(), TestSupport.es256())) {
      for (int i = 0; i < 7; i++) {
        log.append(TestSupport.entry(i));
      }
    }
    try (AuditStore store = AuditStores.open(url())) {
      assertThat(store.latestCheckpoint().orElseThrow().treeSize()).isEqualTo(7);
    }
  }
}
