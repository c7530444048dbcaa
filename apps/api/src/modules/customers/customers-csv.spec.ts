import type { Response } from 'express';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomerDetailDto } from './dto/customer.dto';
import { exportFailedLine, writeCustomersCsv } from './customers-csv';

const row = { licenceNo: '420100000001', shopName: '便利店' } as CustomerDetailDto;

/** Serves one export from these batches and reads it back as a client would. */
async function download(batches: () => AsyncGenerator<CustomerDetailDto[]>) {
  const failures: unknown[] = [];
  const server: Server = createServer((req, res) => {
    Object.assign(req, { id: 'req-7' });
    writeCustomersCsv(batches(), Object.assign(res, { req }) as unknown as Response).catch((error) => {
      failures.push(error);
      if (!res.headersSent) res.writeHead(500).end('refused before the first byte');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<{ status: number; text: string; complete: boolean; failures: unknown[] }>(
      (resolve) => {
        get(`http://127.0.0.1:${port}/`, (response: IncomingMessage) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          const done = () =>
            resolve({ status: response.statusCode ?? 0, text, complete: response.complete, failures });
          response.on('end', done);
          response.on('aborted', done);
          response.on('error', done);
        });
      },
    );
  } finally {
    server.close();
  }
}

describe('writeCustomersCsv', () => {
  it('should send every batch and end the file normally', async () => {
    const result = await download(async function* () {
      yield [row];
      yield [row];
    });
    expect(result).toMatchObject({ status: 200, complete: true, failures: [] });
    expect(result.text.split(/\r?\n/).filter(Boolean)).toHaveLength(3);
  });

  it('should send nothing when the first batch fails, so the error is an ordinary answer', async () => {
    // eslint-disable-next-line require-yield
    const result = await download(async function* () {
      throw new Error('bad filter');
    });
    expect(result).toMatchObject({ status: 500, text: 'refused before the first byte' });
  });

  it('should end a file that fails mid-way with a line saying so and cut the transfer', async () => {
    const result = await download(async function* () {
      yield [row];
      throw new Error('connection lost');
    });
    expect(result.status).toBe(200);
    expect(result.text).toContain(row.licenceNo);
    expect(result.text.endsWith(exportFailedLine('req-7'))).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.failures).toHaveLength(1);
  });
});
