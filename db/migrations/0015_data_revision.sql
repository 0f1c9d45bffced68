CREATE TABLE "data_revision" (
	"key" text PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
