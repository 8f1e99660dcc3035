import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Space } from './space.entity.js';

@Injectable()
export class SpacesRepository {
  constructor(@InjectRepository(Space) private readonly spaces: Repository<Space>) {}

  insert(values: Omit<Space, 'id'>): Promise<Space> {
    return this.spaces.save(this.spaces.create(values));
  }

  findById(id: string): Promise<Space | null> {
    return this.spaces.findOneBy({ id });
  }
}
