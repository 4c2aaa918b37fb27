-- one database per gateway: audit log, outbox and inbound queue of one agency each
CREATE DATABASE fedgate_th_ccib OWNER fedgate;
CREATE DATABASE fedgate_kh_ahtjp OWNER fedgate;
CREATE DATABASE fedgate_id_bareskrim OWNER fedgate;
