package org.fedgate.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fedgate.audit.AuditFilter;

/**
 * Where the log lives. Write methods take the caller's connection so that an append can share a
 * transaction with other work (for example the gateway's outbox row); read methods open their own.
 *
 * <p>Writers serialise on the head row ({@link #lockHead}), so several processes may append to one
 * PostgreSQL database and sequence numbers stay gap-free.
 */
public interface AuditStore extends AutoCloseable {

  /** {@code h2} or {@code postgresql}. */
  String kind();

  /** The database, for callers that keep their own tables (outbox) in the same transactions. */
  DataSource dataSource();

  /** Locks the head row for this transaction and returns the committed tree size. */
  long lockHead(Connection tx) throws SQLException;

  /** Inserts rows whose sequence numbers continue the head; call after {@link #lockHead}. */
  void insertEntries(Connection tx, List<StoredEntry> rows) throws SQLException;

  /** Sets the head's tree size; call after {@link #insertEntries}. */
  void setHead(Connection tx, long treeSize) throws SQLException;

  /**
   * Makes what {@code tx} committed durable on disk before the caller acknowledges it. PostgreSQL
   * already syncs its WAL at commit; the H2 store forces its file to the device.
   */
  void makeDurable(Connection tx) throws SQLException;

  /** The committed tree size. */
  long size();

  /** Streams the leaf hashes of sequence numbers in [from, to), in order. */
  void leafHashes(long from, long to, Consumer<byte[]> sink);

  /** Streams every entry row from {@code from} on, in sequence order. */
  void scan(long from, Consumer<StoredEntry> sink);

  Optional<StoredEntry> entry(long sequence);

  /** Entries matching the filter with sequence greater than {@code afterSequence}, in order. */
  List<StoredEntry> find(AuditFilter filter, long afterSequence, int limit);

  /** Stores a checkpoint; a second checkpoint for the same size is ignored. */
  void insertCheckpoint(StoredCheckpoint checkpoint, byte[] certificateDer);

  /** Checkpoints with sizes in [fromSize, toSize], in size order, at most {@code limit}. */
  List<StoredCheckpoint> checkpoints(long fromSize, long toSize, int limit);

  /** Checkpoints with sizes in [fromSize, toSize], in size order (small ranges only). */
  default List<StoredCheckpoint> checkpoints(long fromSize, long toSize) {
    return checkpoints(fromSize, toSize, Integer.MAX_VALUE);
  }

  /**
   * At most {@code max} checkpoints below {@code belowSize} issued in [from, to) (null = open),
   * evenly spread over all that match, in size order. A log signs up to one a second, so a range
   * can hold millions; the database does the thinning.
   */
  List<StoredCheckpoint> checkpointsIssued(
      java.time.Instant from, java.time.Instant to, long belowSize, int max);

  Optional<StoredCheckpoint> latestCheckpoint();

  /** The certificates recorded for checkpoint keys, by key id (DER). */
  Map<String, byte[]> signingCertificates();

  @Override
  void close();
}
