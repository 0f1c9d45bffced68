import { InvalidError } from "./errors";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Reads a multipart form with one uploaded text file, refusing anything over the size limit
 * before reading it. The field error names the file input.
 */
export async function readUploadedText(request: Request, field = "file", maxBytes = MAX_UPLOAD_BYTES): Promise<{ formData: FormData; filename: string; text: string }> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > maxBytes + 64 * 1024) throw new InvalidError("The file is too large", { [field]: `The file must be smaller than ${Math.round(maxBytes / 1024 / 1024)} MB` });
  const formData = await request.formData();
  const file = formData.get(field);
  if (!file || typeof file === "string" || file.size === 0) throw new InvalidError("Choose a file", { [field]: "Choose a CSV file to upload" });
  if (file.size > maxBytes) throw new InvalidError("The file is too large", { [field]: `The file must be smaller than ${Math.round(maxBytes / 1024 / 1024)} MB` });
  return { formData, filename: file.name || "upload.csv", text: await file.text() };
}
